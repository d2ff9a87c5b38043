// The extension is installed, activates in a real extension host, and registers what its manifest
// contributes.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { EXTENSION_ID, ourExtension } from "../helpers";
import { record } from "../measurements";

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

suite("Extension", () => {
  test(`is installed as ${EXTENSION_ID}`, () => {
    const extension = ourExtension();
    assert.equal(extension.packageJSON.name, "sigmoid-lab");
    assert.equal(extension.packageJSON.publisher, "sigmoid-lab");
  });

  test("activates and reports the time activate() took", async () => {
    const extension = ourExtension();
    const api = await extension.activate();
    assert.ok(extension.isActive, "extension.isActive is false after activate()");
    assert.ok(api, "activate() returned nothing; it must return { activationTimeMs }");
    const ms = api.activationTimeMs;
    assert.ok(
      Number.isFinite(ms) && ms >= 0,
      `activationTimeMs must be a finite number ≥ 0, got ${ms}`,
    );
    // Reported, not asserted: budgets are watched by the closing note and benchmarks, not by a
    // timed test that flakes on a busy machine (budget: 20 ms).
    record("activationTimeMs", Number(ms.toFixed(3)));
  });

  test("registers every sigmoidLab.* command the manifest contributes", async () => {
    const extension = ourExtension();
    await extension.activate();
    const contributed: ContributedCommand[] = extension.packageJSON.contributes?.commands ?? [];
    const ours = contributed.map((c) => c.command).filter((id) => id.startsWith("sigmoidLab."));
    assert.ok(ours.includes("sigmoidLab.open"), "the manifest does not contribute sigmoidLab.open");
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = ours.filter((id) => !registered.has(id));
    assert.deepEqual(
      missing,
      [],
      `contributed but not registered by activate(): ${missing.join(", ")}`,
    );
    record("commands", ours.length);
  });

  test('puts every command under the category "Sigmoid Lab"', () => {
    const contributed: ContributedCommand[] =
      ourExtension().packageJSON.contributes?.commands ?? [];
    const stray = contributed.filter((c) => c.category !== "Sigmoid Lab").map((c) => c.command);
    assert.deepEqual(stray, [], `commands outside the "Sigmoid Lab" category: ${stray.join(", ")}`);
  });
});
