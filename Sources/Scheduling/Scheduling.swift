// Placeholder until the scheduling LP lands.
public enum SchedulingModule {}
