/** Independent implementations the tests compare us with, run as external programs (pefile, ...). */
package dev.patchchain.testing.oracle;
