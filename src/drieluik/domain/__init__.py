"""The domain: vocabulary and value types of het Drieluik. Depends on nothing."""
