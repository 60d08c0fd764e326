/**
 * apimachinery's {@code labels} and {@code selection}: parsed label and node selector requirements
 * (with {@code Gt}/{@code Lt}) and their matching. Not exported.
 */
@NullMarked
package dev.daemonset.core.internal.labels;

import org.jspecify.annotations.NullMarked;
