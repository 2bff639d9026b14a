"""A tiny DOM built with the standard library's html.parser, for tests of HTML output."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})


@dataclass
class Node:
    """An element: its tag, attributes and children (text children are str)."""

    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    def iter(self) -> Iterator[Node]:
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, predicate: Callable[[Node], bool]) -> list[Node]:
        return [node for node in self.iter() if predicate(node)]

    def by_tag(self, tag: str) -> list[Node]:
        return self.find_all(lambda node: node.tag == tag)

    def by_class(self, name: str) -> list[Node]:
        return self.find_all(lambda node: name in (node.attrs.get("class") or "").split())

    def by_id(self, ident: str) -> Node:
        (node,) = self.find_all(lambda node: node.attrs.get("id") == ident)
        return node

    def text(self) -> str:
        """The text content, as the DOM's ``textContent``."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.declarations: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.declarations.append(decl)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        assert len(names) == len(set(names)), f"duplicate attribute in <{tag}>"
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"end tag of void element {tag}"
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(document: str) -> Node:
    """The element tree of ``document``; fails on unbalanced or misnested tags."""
    builder = _Builder()
    builder.feed(document)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root
