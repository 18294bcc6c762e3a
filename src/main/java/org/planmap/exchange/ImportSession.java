package org.planmap.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.planmap.plan.CollectionSpec;

/** An upload between preview and commit: its folder, layers and preview, and who sent it (only they or an admin may use it). */
record ImportSession(String id, CollectionSpec collection, String fileName, Path folder, List<ImportLayer> layers,
    ImportPreview preview, Instant created, String owner) {}
