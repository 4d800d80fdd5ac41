/** Neural-network building blocks made of {@code Value} nodes: neurons, layers and multilayer perceptrons. */
package dev.retrograd.nn;
