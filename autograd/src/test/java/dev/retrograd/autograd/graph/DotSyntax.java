package dev.retrograd.autograd.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser of Graphviz's DOT language, as its grammar (https://graphviz.org/doc/info/lang.html)
 * defines it, for tests that check DOT text without Graphviz: statements, attribute lists, the four
 * kinds of ID (identifier, numeral, double-quoted string, HTML string), comments, and the structure of
 * record labels. A violation is an {@link AssertionError} naming the line and column.
 */
final class DotSyntax {

  /** A node statement's ID and its attributes, quoted strings unescaped as DOT reads them. */
  record Node(String id, Map<String, String> attributes) {}

  /** An edge between two node IDs. */
  record Edge(String from, String to) {}

  /** What a DOT text declares. */
  record Graph(boolean directed, Map<String, String> graphAttributes, Map<String, Node> nodes, List<Edge> edges) {}

  private final String text;
  private int pos;
  private boolean directed;
  private final Map<String, String> graphAttributes = new LinkedHashMap<>();
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();

  private DotSyntax(String text) {
    this.text = text;
  }

  /** Parses {@code text}, failing on any syntax error, an undeclared node in an edge or a malformed record label. */
  static Graph parse(String text) {
    DotSyntax parser = new DotSyntax(text);
    parser.graph();
    for (Edge edge : parser.edges) {
      for (String end : List.of(edge.from(), edge.to())) {
        if (!parser.nodes.containsKey(end)) {
          throw new AssertionError("edge " + edge + " names node '" + end + "', which no node statement declares");
        }
      }
    }
    for (Node node : parser.nodes.values()) {
      if ("record".equals(node.attributes().get("shape"))) {
        checkRecordLabel(node.id(), node.attributes().getOrDefault("label", ""));
      }
    }
    return new Graph(parser.directed, parser.graphAttributes, parser.nodes, parser.edges);
  }

  private void graph() {
    String keyword = keyword();
    if (keyword.equalsIgnoreCase("strict")) {
      keyword = keyword();
    }
    if (!keyword.equalsIgnoreCase("digraph") && !keyword.equalsIgnoreCase("graph")) {
      throw error("expected 'graph' or 'digraph', found '" + keyword + "'");
    }
    directed = keyword.equalsIgnoreCase("digraph");
    if (peek() != '{') {
      id();
    }
    expect('{');
    statements();
    expect('}');
    skipSpace();
    if (pos < text.length()) {
      throw error("text after the closing brace");
    }
  }

  private void statements() {
    while (peek() != '}') {
      if (peek() == 0) {
        throw error("the graph is not closed by '}'");
      }
      statement();
      if (peek() == ';') {
        pos++;
      }
    }
  }

  private void statement() {
    int start = pos;
    String first = id();
    String lower = first.toLowerCase();
    if (peek() == '[' && (lower.equals("graph") || lower.equals("node") || lower.equals("edge"))
        && !quotedAt(start)) {
      Map<String, String> attributes = attributeLists();
      if (lower.equals("graph")) {
        graphAttributes.putAll(attributes);
      }
      return;
    }
    if (peek() == '=') {
      pos++;
      graphAttributes.put(first, id());
      return;
    }
    port();
    if (lookingAt("->") || lookingAt("--")) {
      String from = first;
      while (lookingAt("->") || lookingAt("--")) {
        if (lookingAt("--") == directed) {
          throw error(directed ? "'--' in a digraph; edges are '->'" : "'->' in an undirected graph");
        }
        pos += 2;
        String to = id();
        port();
        edges.add(new Edge(from, to));
        from = to;
      }
      if (peek() == '[') {
        attributeLists();
      }
      return;
    }
    Map<String, String> attributes = peek() == '[' ? attributeLists() : Map.of();
    nodes.computeIfAbsent(first, id -> new Node(id, new LinkedHashMap<>())).attributes().putAll(attributes);
  }

  private boolean quotedAt(int start) {
    int i = start;
    while (Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return text.charAt(i) == '"';
  }

  private void port() {
    while (peek() == ':') {
      pos++;
      id();
    }
  }

  private Map<String, String> attributeLists() {
    Map<String, String> attributes = new LinkedHashMap<>();
    while (peek() == '[') {
      pos++;
      while (peek() != ']') {
        String name = id();
        expect('=');
        String value = id();
        if (attributes.put(name, value) != null) {
          throw error("attribute '" + name + "' given twice");
        }
        if (peek() == ',' || peek() == ';') {
          pos++;
        }
      }
      pos++;
    }
    return attributes;
  }

  private String keyword() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  /** Reads an ID: an identifier, a numeral, a double-quoted string (returned unescaped) or an HTML string. */
  private String id() {
    char c = peek();
    if (c == '"') {
      return quotedString();
    }
    if (c == '<') {
      return htmlString();
    }
    int start = pos;
    if (Character.isLetter(c) || c == '_' || c >= 0x80) {
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
          || text.charAt(pos) >= 0x80)) {
        pos++;
      }
      return text.substring(start, pos);
    }
    if (c == '-' || c == '.' || Character.isDigit(c)) {
      if (c == '-') {
        pos++;
      }
      int digits = 0;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
        digits++;
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
          digits++;
        }
      }
      if (digits == 0) {
        throw error("a numeral without digits");
      }
      if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
        throw error("a numeral runs into a letter; quote the ID");
      }
      return text.substring(start, pos);
    }
    throw error(c == 0 ? "the text ends where an ID is expected" : "expected an ID, found '" + c + "'");
  }

  private String quotedString() {
    int line = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        pos = line;
        throw error("a quoted string is never closed");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\' && pos < text.length()) {
        // a backslash and the character after it go together: \" is a quote, \\ stays for the label to read
        char next = text.charAt(pos++);
        if (next == '"') {
          value.append('"');
        } else if (next != '\n') {
          value.append(c).append(next);
        }
      } else {
        value.append(c);
      }
    }
  }

  private String htmlString() {
    int start = pos;
    int depth = 0;
    do {
      if (pos >= text.length()) {
        pos = start;
        throw error("an HTML string is never closed");
      }
      char c = text.charAt(pos++);
      depth += c == '<' ? 1 : c == '>' ? -1 : 0;
    } while (depth > 0);
    return text.substring(start, pos);
  }

  /**
   * Checks a record label as Graphviz reads it: braces nest and close, and every backslash escapes
   * the next character, so { } | < > and \ written literally are escaped.
   */
  private static void checkRecordLabel(String node, String label) {
    int depth = 0;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c == '\\') {
        if (i + 1 == label.length()) {
          throw new AssertionError("record label of " + node + " ends in a lone backslash: " + label);
        }
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (--depth < 0) {
          throw new AssertionError("record label of " + node + " closes a brace it never opened: " + label);
        }
      } else if (c == '<' || c == '>') {
        throw new AssertionError("record label of " + node + " has an unescaped '" + c + "' (a port): " + label);
      }
    }
    if (depth != 0) {
      throw new AssertionError("record label of " + node + " leaves a brace open: " + label);
    }
  }

  private boolean lookingAt(String token) {
    skipSpace();
    return text.startsWith(token, pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'" + (peek() == 0 ? " at the end" : ", found '" + peek() + "'"));
    }
    pos++;
  }

  /** Returns the next character after white space and comments, 0 at the end. */
  private char peek() {
    skipSpace();
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (text.startsWith("//", pos) || c == '#' && (pos == 0 || text.charAt(pos - 1) == '\n')) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("a comment is never closed");
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private AssertionError error(String what) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(pos, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new AssertionError("DOT syntax error at line " + line + ", column " + column + ": " + what);
  }
}
