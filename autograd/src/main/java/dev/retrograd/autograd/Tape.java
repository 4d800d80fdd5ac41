package dev.retrograd.autograd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread's record of the ops it creates, in creation order: a ready-made topological order,
 * since every op is created after its inputs.
 *
 * <p>{@link Value#backward()} walks the record in reverse instead of sorting the graph, when the
 * loss and everything it depends on were recorded in one {@link Period} of the calling thread (the
 * usual training step: forward, loss, backward). Otherwise it falls back to an iterative depth-first
 * sort. A period starts with the first op after a backward pass along the record, and ends with the
 * next one, or when it holds {@link #MAX_CHUNKS} chunks.
 *
 * <p><b>The record never keeps a dropped graph reachable.</b> A period is a list of {@link Chunk}s
 * of at most {@link #CHUNK_SIZE} ops. Each recorded op holds its chunk strongly, each chunk its
 * period; the period holds its chunks and the thread its current chunk only weakly. So a chunk lives
 * exactly as long as one of its ops is reachable from somewhere else: a thread that only runs
 * forward passes keeps nothing alive once it drops their outputs, and while it holds one output, at
 * most the chunks that output's graph has ops in. A walk from a loss skips the chunks that were
 * collected: none of their ops was reachable, so none is in the loss's graph.
 *
 * <p>Inside a {@link Value#noGrad()} scope nothing is recorded (see {@link #recordingChunk()}).
 */
final class Tape {

  /** The most ops one chunk holds. */
  static final int CHUNK_SIZE = 1 << 12;

  /** The most chunks one period holds: with {@link #CHUNK_SIZE}, 2<sup>21</sup> ops. */
  static final int MAX_CHUNKS = 1 << 9;

  private static final AtomicInteger IDS = new AtomicInteger();
  private static final ThreadLocal<Tape> CURRENT = ThreadLocal.withInitial(Tape::new);
  private static final WeakReference<Chunk> NO_CHUNK = new WeakReference<>(null);
  /** What {@link #current} is inside a {@code noGrad} scope; its referent is held by a static field, so it stays. */
  private static final WeakReference<Chunk> NOWHERE = new WeakReference<>(Chunk.NOWHERE);
  /** The tape used last, checked against the calling thread before use: a cheap path past the ThreadLocal. */
  private static Tape lastUsed = CURRENT.get();

  private final Thread owner = Thread.currentThread();
  /** The chunk new ops go to, held weakly: its ops hold it; {@link #NOWHERE} inside a {@code noGrad} scope. */
  private WeakReference<Chunk> current = NO_CHUNK;
  /** The chunk new ops go to once the outermost {@code noGrad} scope is closed. */
  private WeakReference<Chunk> afterNoGrad = NO_CHUNK;
  /** The number of open {@link NoGrad} scopes; ops record nothing while it is above 0. */
  private int noGradScopes;
  /** The capacity of a period's first chunk: what the last period needed, so a step does not regrow it. */
  private int firstChunkCapacity = 64;
  /** What this thread's backward passes claim (see {@link ClaimHolder}). */
  private final ClaimHolder claimHolder = new ClaimHolder(owner);

  private Tape() {}

  /** Returns the calling thread's tape. */
  static Tape current() {
    Tape last = lastUsed;
    if (last.owner == Thread.currentThread()) {
      return last;
    }
    Tape tape = CURRENT.get();
    lastUsed = tape;
    return tape;
  }

  /** Returns an id for a new period: positive, as 0 means "off the tape" and -1 "on every tape". */
  private static int nextId() {
    int id;
    do {
      id = IDS.incrementAndGet() & Integer.MAX_VALUE;
    } while (id == 0);
    return id;
  }

  /** Returns the thread this tape records for. */
  Thread owner() {
    return owner;
  }

  /**
   * Returns the chunk a new op is recorded in, with room for it; or {@link Chunk#NOWHERE} inside a
   * {@code noGrad} scope, where ops record nothing.
   */
  Chunk recordingChunk() {
    Chunk chunk = current.get();
    if (chunk == null || chunk.size == CHUNK_SIZE) {
      chunk = nextChunk(chunk);
    }
    return chunk;
  }

  /** Starts a chunk after {@code full}, in a new period if there is none or it has its most chunks. */
  private Chunk nextChunk(Chunk full) {
    Chunk next;
    if (full == null || full.ordinal == MAX_CHUNKS - 1) {
      if (full != null) {
        full.period.end();
      }
      next = new Period(owner).newChunk(firstChunkCapacity);
    } else {
      next = full.period.newChunk(CHUNK_SIZE);
    }
    current = new WeakReference<>(next);
    return next;
  }

  /**
   * Returns where {@code node} is in {@code chunk}, if it can be backpropagated along this tape:
   * recorded on it (not off it) in a period that has not ended; -1 otherwise. The search runs from
   * the chunk's end, where the loss usually is, as the last op made.
   */
  int indexOf(Value node, int tapeId, Chunk chunk) {
    if (tapeId <= 0 || chunk.period.thread != owner || chunk.period.ended) {
      return -1;
    }
    for (int i = chunk.size - 1; i >= 0; i--) {
      if (chunk.nodes[i] == node) {
        return i;
      }
    }
    return -1;
  }

  /** Ends {@code period}, so that later ops start a new one. */
  void end(Period period) {
    if (period.ended) {
      return;
    }
    Chunk first = period.chunk(0);
    if (first != null) {
      firstChunkCapacity = Math.max(64, first.size);
    }
    period.end();
    Chunk chunk = current.get();
    if (chunk != null && chunk.period == period) {
      current = NO_CHUNK;
    }
    chunk = afterNoGrad.get();
    if (chunk != null && chunk.period == period) {
      afterNoGrad = NO_CHUNK;
    }
  }

  /** Opens a {@code noGrad} scope. */
  void enterNoGrad() {
    if (noGradScopes++ == 0) {
      afterNoGrad = current;
      current = NOWHERE;
    }
  }

  /** Closes a {@code noGrad} scope. */
  void exitNoGrad() {
    if (--noGradScopes == 0) {
      current = afterNoGrad;
      afterNoGrad = NO_CHUNK;
    }
  }

  /** Returns the holder of what this thread's backward passes claim. */
  ClaimHolder claimHolder() {
    return claimHolder;
  }

  /**
   * The ops one thread recorded between two of its backward passes along the tape, in chunks. It is
   * also the unit a backward pass claims (see {@link ClaimHolder}): every op made in the period, on
   * the tape or off it, belongs to it.
   */
  static final class Period {

    private static final VarHandle CLAIMED_BY;

    static {
      try {
        CLAIMED_BY = MethodHandles.lookup().findVarHandle(Period.class, "claimedBy", ClaimHolder.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    final Thread thread;
    /** The chunk of the ops made in this period whose inputs were not all on the tape. */
    final Chunk offTape;
    private final int id = nextId();
    @SuppressWarnings("unchecked")
    private WeakReference<Chunk>[] chunks = new WeakReference[4];
    private int chunkCount;
    private boolean ended;
    /** The holder whose passes claimed this period last; set through {@link #CLAIMED_BY}. */
    private volatile ClaimHolder claimedBy;

    Period(Thread thread) {
      this.thread = thread;
      this.offTape = new Chunk(this, 0, -1, 0);
    }

    private Chunk newChunk(int capacity) {
      Chunk chunk = new Chunk(this, id, chunkCount, capacity);
      if (chunkCount == chunks.length) {
        chunks = Arrays.copyOf(chunks, chunkCount * 2);
      }
      chunks[chunkCount++] = new WeakReference<>(chunk);
      return chunk;
    }

    /** Returns chunk {@code ordinal}, or null if it was collected: then none of its ops is reachable. */
    Chunk chunk(int ordinal) {
      return chunks[ordinal].get();
    }

    /** Lets go of the ops recorded: the period stays only as the group its ops belong to. */
    private void end() {
      ended = true;
      for (int i = 0; i < chunkCount; i++) {
        Chunk chunk = chunks[i].get();
        if (chunk != null) {
          chunk.nodes = null;
          chunk.size = 0;
        }
      }
      chunks = null;
    }

    /**
     * Claims this period's ops for the calling thread's running backward pass.
     *
     * @param reached the op whose gradient the pass is about to write, for the message
     * @throws java.util.ConcurrentModificationException if another thread's pass is using them
     */
    void claim(Value reached) {
      ClaimHolder owner = claimedBy;
      if (owner == null || owner.thread != Thread.currentThread()) {
        ClaimHolder.take(CLAIMED_BY, this, reached);
      }
    }
  }

  /** Up to {@link #CHUNK_SIZE} ops of one period, in creation order. */
  static final class Chunk {

    /** Where leaves and the values made under {@code noGrad} are: on every tape, as they need no record. */
    static final Chunk EVERY_TAPE = new Chunk(null, -1, -1, 0);
    /** The {@link #tapeId} of {@link #EVERY_TAPE}. */
    static final int EVERY_TAPE_ID = -1;
    /** What {@link #recordingChunk()} returns inside a {@code noGrad} scope: no op is recorded there. */
    static final Chunk NOWHERE = new Chunk(null, Integer.MIN_VALUE, -1, 0);

    /** The period; null for {@link #EVERY_TAPE} and {@link #NOWHERE}. */
    final Period period;
    /** The period's id if the chunk is on its tape; 0 for its off-tape ops; -1 for {@link #EVERY_TAPE}: what its ops copy. */
    final int tapeId;
    /** This chunk's position in its period. */
    final int ordinal;
    private Value[] nodes;
    private int size;

    private Chunk(Period period, int tapeId, int ordinal, int capacity) {
      this.period = period;
      this.tapeId = tapeId;
      this.ordinal = ordinal;
      this.nodes = capacity > 0 ? new Value[capacity] : null;
    }

    /** Appends {@code node}, for which the tape made room. */
    void add(Value node) {
      if (size == nodes.length) {
        nodes = Arrays.copyOf(nodes, Math.min(CHUNK_SIZE, size * 2));
      }
      nodes[size++] = node;
    }

    /** Returns the op at {@code index}. */
    Value get(int index) {
      return nodes[index];
    }

    /** Returns the number of ops recorded here. */
    int size() {
      return size;
    }
  }
}
