/** Pictures of {@code Value} graphs: a layered layout drawn to SVG and PNG in pure Java, and the DOT text beside them. */
package dev.retrograd.demo.graph;
