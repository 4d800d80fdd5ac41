/** The {@code Value} engine: scalar nodes, their chain rules, backpropagation and gradient checking. */
package dev.retrograd.autograd;
