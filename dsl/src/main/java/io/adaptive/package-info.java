/** The root of adaptive-java: {@link io.adaptive.AdaptiveException}, the base of every error we throw. */
package io.adaptive;
