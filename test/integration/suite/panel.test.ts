// "Sigmoid Lab: Open" opens the Lab panel: a webview tab of view type sigmoidLab.lab.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { closeAllEditors, ourExtension, waitFor, webviewTabs } from "../helpers";

const LAB_VIEW_TYPE = "sigmoidLab.lab";

suite("Lab panel", () => {
  suiteSetup(async () => {
    await ourExtension().activate();
    await closeAllEditors();
  });
  teardown(closeAllEditors);

  test("sigmoidLab.open opens a webview tab titled Sigmoid Lab", async () => {
    await vscode.commands.executeCommand("sigmoidLab.open");
    const tab = await waitFor(
      `a webview tab of view type ${LAB_VIEW_TYPE}`,
      () => webviewTabs(LAB_VIEW_TYPE)[0],
    );
    assert.equal(tab.label, "Sigmoid Lab");
    assert.ok(tab.isActive, "the Lab tab is open but not active");
  });

  test("running sigmoidLab.open again reveals the same panel instead of a second one", async () => {
    await vscode.commands.executeCommand("sigmoidLab.open");
    await waitFor("the first Lab tab", () => webviewTabs(LAB_VIEW_TYPE)[0]);
    await vscode.commands.executeCommand("sigmoidLab.open");
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(webviewTabs(LAB_VIEW_TYPE).length, 1, "a second Lab panel was opened");
  });
});
