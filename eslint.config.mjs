// ESLint owns correctness; Prettier owns layout (see .prettierrc.json).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

// The math core and the protocol are shared by the extension host (Node), the browser build and the
// webview page, so they may import nothing that exists in only one of those worlds.
const layerBoundary = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        { group: ["vscode"], message: "src/core and src/shared must not import vscode." },
        {
          group: [
            "node:*",
            "fs",
            "path",
            "os",
            "crypto",
            "child_process",
            "util",
            "worker_threads",
          ],
          message: "src/core and src/shared must not import Node modules.",
        },
        {
          group: ["**/panel/**", "**/hover/**", "**/analysis/**", "**/webview/**"],
          message: "Layers never mix.",
        },
      ],
    },
  ],
  "no-restricted-globals": [
    "error",
    "window",
    "document",
    "navigator",
    "process",
    "Buffer",
    "require",
  ],
};

export default tseslint.config(
  {
    ignores: ["node_modules/**", "dist/**", ".cache/**", "test-results/**", "out/**", "**/*.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: { "no-console": "error" },
  },
  {
    files: ["src/core/**/*.ts", "src/shared/**/*.ts"],
    languageOptions: { globals: {} },
    rules: layerBoundary,
  },
  {
    files: ["webview/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },
);
