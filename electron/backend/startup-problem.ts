import { DatabaseFileError } from '../../data/connection.ts';
import { LostDataError } from './session.ts';

/**
 * What to tell a user whose data file cannot be opened. Both languages, because this is shown
 * before the app knows which one the user chose.
 */
export function describeStartupProblem(error: unknown, backupDir: string): string | null {
  if (error instanceof LostDataError) return describeLostData(error);
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

/**
 * The data file is missing or empty beside backups: the data was lost, this is not a new install.
 * Nothing was created; the newest good backup is named so the user can restore it.
 */
function describeLostData(error: LostDataError): string {
  const newest = error.newestGood;
  if (!newest) {
    return [
      `数据文件丢失或为空：${error.dataFile}，但备份文件夹中有备份，且没有一份通过检查。`,
      `未创建新数据，也未开放首次设置。请联系管理员检查 ${error.backupDir} 中的备份。`,
      `The data file is missing or empty: ${error.dataFile}, while backups exist, none of which passed its check.`,
      `Nothing was created and no first-run setup is offered. Ask your administrator to look at the backups in ${error.backupDir}.`,
    ].join('\n');
  }
  return [
    `数据文件丢失或为空：${error.dataFile}。这不是新安装：备份文件夹中有备份。`,
    `未创建新数据，也未开放首次设置。最新的完好备份是 ${newest.fileName}（${newest.createdAt}），可以恢复它。`,
    `The data file is missing or empty: ${error.dataFile}. This is not a new install: backups exist.`,
    `Nothing was created and no first-run setup is offered. The newest good backup is ${newest.fileName} (${newest.createdAt}); you can restore it.`,
  ].join('\n');
}
