/*
 * pfro_helper: executes a scripted list of file-system steps under Windows (or Wine) and prints what each call
 * returned, so that the Wine oracle test (WineBootOracleTest) can queue real PendingFileRenameOperations.
 *
 * Usage: pfro_helper.exe STEPS_FILE
 * STEPS_FILE is UTF-8, one step per line, fields separated by one TAB:
 *   file     PATH  SOURCE   CopyFileW(SOURCE, PATH): create PATH with the bytes of SOURCE (e.g. a Z:\ host file)
 *   mkdir    PATH           CreateDirectoryW(PATH)
 *   rename   SRC   DST      MoveFileExW(SRC, DST, MOVEFILE_DELAY_UNTIL_REBOOT)
 *   rename!  SRC   DST      MoveFileExW(SRC, DST, MOVEFILE_DELAY_UNTIL_REBOOT | MOVEFILE_REPLACE_EXISTING)
 *   delete   PATH           MoveFileExW(PATH, NULL, MOVEFILE_DELAY_UNTIL_REBOOT)
 *   copy     SRC   DST      CopyFileW(SRC, DST, FALSE): a direct copy, now
 * Output: one line per step, "N<TAB>ok" or "N<TAB>error<TAB>GetLastError()", N counting steps from 1.
 * Exit code: 0 when every line was understood (failed calls included), 2 on a malformed script.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#define MAX_LINE 4096

static int widen(const char *utf8, WCHAR *out, int capacity)
{
    return MultiByteToWideChar(CP_UTF8, 0, utf8, -1, out, capacity) > 0;
}

static BOOL run(const char *op, const WCHAR *a, const WCHAR *b, int fields, int *bad)
{
    *bad = 0;
    if (!strcmp(op, "file") && fields == 3) return CopyFileW(b, a, FALSE);
    if (!strcmp(op, "copy") && fields == 3) return CopyFileW(a, b, FALSE);
    if (!strcmp(op, "mkdir") && fields == 2) return CreateDirectoryW(a, NULL);
    if (!strcmp(op, "rename") && fields == 3) return MoveFileExW(a, b, MOVEFILE_DELAY_UNTIL_REBOOT);
    if (!strcmp(op, "rename!") && fields == 3)
        return MoveFileExW(a, b, MOVEFILE_DELAY_UNTIL_REBOOT | MOVEFILE_REPLACE_EXISTING);
    if (!strcmp(op, "delete") && fields == 2) return MoveFileExW(a, NULL, MOVEFILE_DELAY_UNTIL_REBOOT);
    *bad = 1;
    return FALSE;
}

int main(int argc, char **argv)
{
    static char line[MAX_LINE];
    static WCHAR first[MAX_LINE], second[MAX_LINE];
    FILE *in;
    int n = 0;

    if (argc != 2 || !(in = fopen(argv[1], "rb"))) {
        fprintf(stderr, "usage: pfro_helper STEPS_FILE\n");
        return 2;
    }
    while (fgets(line, sizeof line, in)) {
        char *fields[3] = {0};
        int count = 0, bad;
        char *cursor = line;
        BOOL ok;

        line[strcspn(line, "\r\n")] = 0;
        if (!line[0]) continue;
        n++;
        while (count < 3 && cursor) {
            fields[count++] = cursor;
            cursor = strchr(cursor, '\t');
            if (cursor) *cursor++ = 0;
        }
        if (cursor || !widen(fields[1] ? fields[1] : "", first, MAX_LINE)
                || !widen(fields[2] ? fields[2] : "", second, MAX_LINE)) {
            fprintf(stderr, "step %d: malformed line\n", n);
            return 2;
        }
        SetLastError(0);
        ok = run(fields[0], first, second, count, &bad);
        if (bad) {
            fprintf(stderr, "step %d: unknown step or wrong field count: %s\n", n, fields[0]);
            return 2;
        }
        if (ok) printf("%d\tok\n", n);
        else printf("%d\terror\t%lu\n", n, GetLastError());
    }
    fclose(in);
    return 0;
}
