/**
 * The wire protocol between a run manager and its workers: authenticated, line-oriented text over
 * a TCP connection, and nothing else.
 */
package io.adaptive.runtime.protocol;
