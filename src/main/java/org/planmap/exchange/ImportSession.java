package org.planmap.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.planmap.plan.CollectionSpec;

/** An upload between preview and commit: its folder, layers and preview. */
record ImportSession(String id, CollectionSpec collection, String fileName, Path folder, List<ImportLayer> layers,
    ImportPreview preview, Instant created) {}
