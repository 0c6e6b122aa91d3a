/**
 * The command-line tool ({@link org.glossa.fsrs.cli.Main}): the library's only I/O, reading review logs as CSV and
 * printing CSV or JSON, for researchers and operators.
 */
package org.glossa.fsrs.cli;
