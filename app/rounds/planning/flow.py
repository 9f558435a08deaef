"""A small maximum flow (Dinic's algorithm) for matching candidates to panel-days.

The network is small even for 514 candidates: candidates with the same conflicts form one node
(about one per province), panel-days are at most a few dozen, so a plain-Python Dinic answers in
milliseconds. No graph library is a dependency (networkx is not; scipy's maximum_flow would add
scipy for one call), and the capacities must be raised between two runs (balance first, then the
rest), which this keeps simple.
"""

from __future__ import annotations

from collections import deque


class FlowNetwork:
    def __init__(self, nodes: int) -> None:
        self.adjacent: list[list[int]] = [[] for _ in range(nodes)]
        self.head: list[int] = []  # edge e goes to head[e]; its reverse is e ^ 1
        self.capacity: list[int] = []
        self.initial: list[int] = []

    def add_edge(self, source: int, target: int, capacity: int) -> int:
        edge = len(self.head)
        self.adjacent[source].append(edge)
        self.head.append(target)
        self.capacity.append(capacity)
        self.initial.append(capacity)
        self.adjacent[target].append(edge + 1)
        self.head.append(source)
        self.capacity.append(0)
        self.initial.append(0)
        return edge

    def raise_capacity(self, edge: int, capacity: int) -> None:
        """Raise an edge's capacity, keeping the flow already on it (augmenting paths never take flow
        off an edge into the sink, so loads reached in a first run stay)."""
        self.capacity[edge] += capacity - self.initial[edge]
        self.initial[edge] = capacity

    def flow(self, edge: int) -> int:
        return self.initial[edge] - self.capacity[edge]

    def max_flow(self, source: int, sink: int) -> int:
        total = 0
        while (level := self._levels(source, sink)) is not None:
            cursor = [0] * len(self.adjacent)
            while pushed := self._push(source, sink, 1 << 60, level, cursor):
                total += pushed
        return total

    def reachable(self, source: int) -> set[int]:
        """Nodes reachable from the source in the residual network: the source side of a minimum cut."""
        seen = {source}
        queue = deque([source])
        while queue:
            node = queue.popleft()
            for edge in self.adjacent[node]:
                if self.capacity[edge] > 0 and self.head[edge] not in seen:
                    seen.add(self.head[edge])
                    queue.append(self.head[edge])
        return seen

    def _levels(self, source: int, sink: int) -> list[int] | None:
        level = [-1] * len(self.adjacent)
        level[source] = 0
        queue = deque([source])
        while queue:
            node = queue.popleft()
            for edge in self.adjacent[node]:
                if self.capacity[edge] > 0 and level[self.head[edge]] < 0:
                    level[self.head[edge]] = level[node] + 1
                    queue.append(self.head[edge])
        return level if level[sink] >= 0 else None

    def _push(self, node: int, sink: int, limit: int, level: list[int], cursor: list[int]) -> int:
        if node == sink:
            return limit
        edges = self.adjacent[node]
        while cursor[node] < len(edges):
            edge = edges[cursor[node]]
            target = self.head[edge]
            if self.capacity[edge] > 0 and level[target] == level[node] + 1:
                pushed = self._push(target, sink, min(limit, self.capacity[edge]), level, cursor)
                if pushed:
                    self.capacity[edge] -= pushed
                    self.capacity[edge ^ 1] += pushed
                    return pushed
            cursor[node] += 1
        return 0
