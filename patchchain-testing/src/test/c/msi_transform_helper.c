/*
 * Applies a Windows Installer transform to a database with msi.dll, for MsiTransformWineOracleTest (see
 * docs/testing.md): msi_transform_helper DATABASE TRANSFORM opens DATABASE in transacted mode, applies TRANSFORM
 * with no error conditions suppressed, commits, and prints one line per call, "open 0", "apply 0", "commit 0"
 * (the result codes). Exit code 0 when all three succeeded, 1 otherwise.
 */
#include <windows.h>
#include <msi.h>
#include <msiquery.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
    MSIHANDLE db = 0;
    UINT r;

    if (argc != 3)
    {
        fwprintf(stderr, L"usage: msi_transform_helper DATABASE TRANSFORM\n");
        return 2;
    }
    r = MsiOpenDatabaseW(argv[1], MSIDBOPEN_TRANSACT, &db);
    printf("open %u\n", r);
    if (r != ERROR_SUCCESS) return 1;

    r = MsiDatabaseApplyTransformW(db, argv[2], 0);
    printf("apply %u\n", r);
    if (r != ERROR_SUCCESS)
    {
        MsiCloseHandle(db);
        return 1;
    }
    r = MsiDatabaseCommit(db);
    printf("commit %u\n", r);
    MsiCloseHandle(db);
    fflush(stdout);
    return r == ERROR_SUCCESS ? 0 : 1;
}
