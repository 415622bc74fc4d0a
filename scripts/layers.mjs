/** The layers, each with its own tsconfig.json that narrows what it may reach (see tsconfig.json). */
export const LAYERS = ['solver', 'data', 'electron/contract', 'electron/backend', 'electron/serve', 'electron/main', 'electron/preload', 'renderer', 'tests'];
