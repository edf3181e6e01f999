"""Development tools outside the runtime package: template authoring and the benchmark."""
