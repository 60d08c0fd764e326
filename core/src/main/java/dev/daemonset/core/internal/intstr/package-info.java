/** apimachinery's {@code intstr}: int-or-percent parsing and scaling. Not exported. */
@NullMarked
package dev.daemonset.core.internal.intstr;

import org.jspecify.annotations.NullMarked;
