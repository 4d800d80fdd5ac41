/** Neural-network layers made of {@code Value} nodes: neurons, batch normalization, and MLPs built from plugins by a spec. */
package dev.retrograd.nn;
