import { DatabaseFileError } from '../../data/connection.ts';

/**
 * What to tell a user whose data file cannot be opened. Both languages, because this is shown
 * before the app knows which one the user chose.
 */
export function describeStartupProblem(error: unknown, backupDir: string): string | null {
  if (!(error instanceof DatabaseFileError)) return null;
  const file = error.filePath;
  switch (error.kind) {
    case 'not_sqlite':
      return [
        `数据文件不是 SQLite 数据库：${file}`,
        `请将其移走或改名后重新启动（将新建演示数据），或把 ${backupDir} 中的备份复制到该位置。`,
        `The data file is not an SQLite database: ${file}.`,
        `Move or rename it and start again (a demo centre is created), or copy a backup from ${backupDir} in its place.`,
      ].join('\n');
    case 'too_new':
      return [
        `数据文件由更新版本的本软件创建，当前版本无法安全打开：${file}`,
        '请安装最新版本后再打开；不要用旧版本修改该文件。',
        `The data file was written by a newer version of this app and cannot be opened safely: ${file}.`,
        'Install the newest version to open it; do not edit it with an older one.',
      ].join('\n');
    case 'unreadable':
      return [
        `无法打开数据文件：${file}（${error.message}）`,
        '请检查该文件夹是否存在且可写。',
        `The data file cannot be opened: ${file} (${error.message}).`,
        'Check that its folder exists and can be written to.',
      ].join('\n');
  }
}
