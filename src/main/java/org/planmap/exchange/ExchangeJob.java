package org.planmap.exchange;

import java.nio.file.Path;
import java.time.Instant;

/** One background job: its state, progress, and what it produced (a file to download or a result). */
public final class ExchangeJob {
  public enum Status { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

  private final String id;
  private final String kind;
  private final Progress progress = new Progress();
  private volatile Status status = Status.QUEUED;
  private volatile String message;
  private volatile int errorStatus;
  private volatile Path file;
  private volatile String fileName;
  private volatile String mediaType;
  private volatile Object result;
  private volatile Instant finished;
  private final String owner;

  ExchangeJob(String id, String kind, String owner) {
    this.id = id;
    this.kind = kind;
    this.owner = owner;
  }

  /** Who started the job, or null if nobody signed in did. */
  public String owner() {
    return owner;
  }

  void start() {
    status = Status.RUNNING;
  }

  void end(Status s, String why, int error) {
    message = why;
    errorStatus = error;
    finished = Instant.now();
    status = s;
  }

  void file(Path f, String name, String type) {
    file = f;
    fileName = name;
    mediaType = type;
  }

  void result(Object r) {
    result = r;
  }

  public String id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public Progress progress() {
    return progress;
  }

  public Status status() {
    return status;
  }

  public String message() {
    return message;
  }

  public int errorStatus() {
    return errorStatus;
  }

  public Path file() {
    return file;
  }

  public String fileName() {
    return fileName;
  }

  public String mediaType() {
    return mediaType;
  }

  public Object result() {
    return result;
  }

  public Instant finished() {
    return finished;
  }
}
