// Placeholder: the Thermal module is being written in its own worktree.
public enum ThermalModule {}
