/**
 * The execution plan: immutable records, complete (every default filled in), that say which
 * learners run, what defines their data, their goals and their resources.
 */
package io.adaptive.plan;
