/** Runnable programs that show adaptive-java at work; the README's run command starts {@link io.adaptive.examples.Peaks}. */
package io.adaptive.examples;
