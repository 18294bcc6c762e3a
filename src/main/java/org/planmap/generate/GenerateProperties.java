package org.planmap.generate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The synthetic parcel generator (prefix {@code planmap.generate}); off unless {@code parcels} is set.
 *
 * @param parcels how many parcels to generate (replacing earlier generated ones); 0 = do not generate
 * @param seed random seed: the same seed gives the same parcels
 * @param exit stop Planmap once the parcels are written (the command-line use)
 * @param batch rows per JDBC batch
 * @param park generate all the parcels around this one park (its id) instead of every park and seat; empty = all
 */
@ConfigurationProperties("planmap.generate")
public record GenerateProperties(
    @DefaultValue("0") long parcels,
    @DefaultValue("42") long seed,
    @DefaultValue("true") boolean exit,
    @DefaultValue("2000") int batch,
    @DefaultValue("") String park) {}
