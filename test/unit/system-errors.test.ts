import { describe, expect, it } from 'vitest';
import { toRpcError } from '../../electron/core/errors';

const osError = (code: string, path: string) => Object.assign(new Error(code), { code, path });

// Disks office staff meet: a write-protected or full USB stick, a FAT32 stick and a 4 GB backup.
describe('toRpcError for disk errors', () => {
  it('names the file and says what to do, in Chinese', () => {
    expect(toRpcError(osError('EROFS', 'E:\\备份\\台账.taizhang.part'))).toEqual({
      code: 'PERMISSION_DENIED',
      message: expect.stringContaining('《E:\\备份\\台账.taizhang.part》所在的磁盘是只读的') as string,
    });
    const big = toRpcError(osError('EFBIG', 'F:\\台账.taizhang.part'));
    expect(big.message).toContain('《F:\\台账.taizhang.part》');
    expect(big.message).toContain('FAT32');
    expect(toRpcError(osError('ENOSPC', 'E:\\台账.taizhang.part')).message).toContain(
      '磁盘空间不足（写入《E:\\台账.taizhang.part》时）',
    );
  });

  it('points a damaged database to the daily copies, not to the command line', () => {
    const r = toRpcError(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' }));
    expect(r.code).toBe('DB_CORRUPT');
    expect(r.message).toContain('backups');
    expect(r.message).not.toContain('taizhang verify');
  });
});
