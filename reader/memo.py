"""A bounded, thread-safe memo: the most recently used answers, at most `size` of them."""

import threading
from collections import OrderedDict
from collections.abc import Hashable

_MISSING = object()


class Memo:
    """Answers by key, the least recently used one forgotten first past `size`."""

    def __init__(self, size: int):
        self.size = size
        self._answers: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, default=None):
        with self._lock:
            answer = self._answers.get(key, _MISSING)
            if answer is _MISSING:
                return default
            self._answers.move_to_end(key)
            return answer

    def put(self, key: Hashable, answer: object) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()

    def __len__(self) -> int:
        return len(self._answers)
