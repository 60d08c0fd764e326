/** JMH benchmarks of daemonset-engine. */
package dev.daemonset.benchmarks;
