/**
 * apimachinery's {@code util/validation}: the name, label and number formats, matched without
 * regular expressions (hostile input cannot overflow a regex engine's stack). Not exported.
 */
@NullMarked
package dev.daemonset.core.internal.validation;

import org.jspecify.annotations.NullMarked;
