package com.finmatch.enterprise.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the documents enterprises upload ({@code finmatch.documents.*}). */
@ConfigMapping(prefix = "finmatch.documents")
public interface DocumentsConfig {

    /** The largest file (10 MiB); a larger one is refused with 413. */
    @WithDefault("10M")
    MemorySize maxFileSize();

    /** What all documents of one enterprise may take together; an upload beyond it is refused with 409. */
    @WithDefault("200M")
    MemorySize quota();

    /** The size of the rows the content is stored in, and of what is held in memory at a time per transfer. */
    @WithDefault("256K")
    MemorySize chunkSize();
}
