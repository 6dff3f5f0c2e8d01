#!/usr/bin/python3
"""The peer for the file-version benchmark: fixed file and product versions of every file under a directory,
read with pefile (Debian's python3-pefile), one line per PE file. Not-PE files are skipped, as ours does.

Usage: pefile_versions.py DIR [--full]. By default pefile loads only the resource directory (fast_load, the
fastest way to use it); --full is what `pefile.PE(path)` does when called the usual way (all directories)."""
import os
import sys

import pefile


def versions(path, full):
    pe = pefile.PE(path, fast_load=not full)
    try:
        if not full:
            pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]])
        fixed = getattr(pe, "VS_FIXEDFILEINFO", None)
        if not fixed:
            return "", ""
        f = fixed[0]
        return (f"{f.FileVersionMS >> 16}.{f.FileVersionMS & 0xFFFF}.{f.FileVersionLS >> 16}.{f.FileVersionLS & 0xFFFF}",
                f"{f.ProductVersionMS >> 16}.{f.ProductVersionMS & 0xFFFF}.{f.ProductVersionLS >> 16}.{f.ProductVersionLS & 0xFFFF}")
    finally:
        pe.close()


def main():
    full = "--full" in sys.argv[2:]
    for root, _, names in os.walk(sys.argv[1]):
        for name in sorted(names):
            path = os.path.join(root, name)
            try:
                file_version, product_version = versions(path, full)
            except pefile.PEFormatError:
                continue
            print(f"{path},{file_version},{product_version}")


if __name__ == "__main__":
    main()
