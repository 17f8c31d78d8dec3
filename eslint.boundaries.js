import { builtinModules } from 'node:module';

/*
 * Who may import whom: one core, three programs (see docs/architecture.md).
 *
 *   core/       plain TypeScript shared by every program: no Vue, no Electron, no Node
 *   paper/      Vue components of printed papers the two pages share (documents): core/ only
 *   src/        the kiosk page: core/, paper/ and itself; never Electron or Node
 *   electron/   main and preload: core/ and itself; never the page's code
 *   companion/  the phone page: core/, paper/ and itself; never Electron, Node or the other programs
 *   scripts/    build-time tools: anything but the page's code
 *
 * ESLint's no-restricted-imports covers `import`, `import type` and `export … from`. Each
 * folder's rule lists everything it may not import, because a later config object for the same
 * files would replace, not add to, an earlier one's options.
 */

/** Node's own modules: by exact name (a pattern `path` would also refuse `./path`), or node:*. */
const nodePaths = (why) =>
  builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: why }));
const node = (why) => ({ group: ['node:*'], message: why });
const folder = (name, why) => ({ group: [`**/${name}/**`, `**/${name}`], message: why });

const NO_PAGE = folder('src', 'Only the kiosk page imports src/: shared code belongs in core/.');
const NO_MAIN = folder(
  'electron',
  'Only Electron imports electron/: shared code belongs in core/.',
);
const NO_COMPANION = folder('companion', 'Only the companion imports companion/.');
// Only the top-level paper/ folder's files ("./paper" alone is main's print/paper.ts).
const NO_PAPER = {
  group: ['**/paper/**'],
  message: 'Only the two pages import paper/ (Vue components): core/ and main have no Vue.',
};
const NO_VUE_FILES = { group: ['**/*.vue'], message: 'core/ is plain TypeScript, with no Vue.' };

const CORE_NO_NODE = 'core/ runs in every program, the page among them: no Node modules.';
const PAGE_NO_NODE = 'The page runs in a browser sandbox: no Node modules.';
const COMPANION_NO_NODE = 'The companion is a static web page: no Node modules.';

const rule = (paths, patterns) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

export const boundaries = [
  {
    files: ['core/**/*.ts'],
    rules: rule(
      [
        ...['vue', 'pinia', 'vue-i18n', 'electron'].map((name) => ({
          name,
          message: 'core/ is plain TypeScript: no Vue, no Electron.',
        })),
        ...nodePaths(CORE_NO_NODE),
      ],
      [node(CORE_NO_NODE), NO_VUE_FILES, NO_PAGE, NO_MAIN, NO_COMPANION, NO_PAPER],
    ),
  },
  {
    files: ['paper/**/*.{ts,vue}'],
    rules: rule(
      [
        { name: 'electron', message: 'paper/ is shared by two web pages.' },
        ...nodePaths(PAGE_NO_NODE),
      ],
      [
        node(PAGE_NO_NODE),
        folder('src', 'paper/ is shared by both pages: it imports core/ only.'),
        NO_MAIN,
        folder('companion', 'paper/ is shared by both pages: it imports core/ only.'),
      ],
    ),
  },
  {
    files: ['src/**/*.{ts,vue}'],
    rules: rule(
      [
        { name: 'electron', message: 'The page reaches the kiosk only through its KioskApi.' },
        ...nodePaths(PAGE_NO_NODE),
      ],
      [
        node(PAGE_NO_NODE),
        folder('electron', 'The page reaches the kiosk only through its KioskApi.'),
        NO_COMPANION,
      ],
    ),
  },
  {
    files: ['companion/**/*.{ts,vue}'],
    rules: rule(
      [
        { name: 'electron', message: 'The companion is a static web page.' },
        ...nodePaths(COMPANION_NO_NODE),
      ],
      [node(COMPANION_NO_NODE), NO_PAGE, NO_MAIN],
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: rule(
      [
        {
          name: 'electron',
          importNames: ['shell'],
          // The kiosk never opens anything outside itself: links reach visitors as QR codes.
          message: 'The kiosk never hands a link to the system (shell.openExternal).',
        },
      ],
      [NO_PAGE, NO_COMPANION, NO_PAPER],
    ),
  },
  {
    files: ['scripts/**/*.ts'],
    rules: rule([], [NO_PAGE, NO_COMPANION]),
  },
];
