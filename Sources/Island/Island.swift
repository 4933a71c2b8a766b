// Placeholder: the Island module (site model) is being written in its own worktree.
public enum IslandModule {}
