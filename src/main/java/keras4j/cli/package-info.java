/**
 * Not part of the library (it ships in the {@code tools} jar): the {@code keras4j} command line ({@code ./keras4j
 * --help}) - notebook ports, train, summary, predict, reconstruct, convert, verify, knn, bench. Exit codes: 0
 * success, 1 failure, 2 wrong command line.
 */
package keras4j.cli;
