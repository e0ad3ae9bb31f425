# The compiled twins of wpparse._content.element_text's readers (core.pyx).
import re
from collections.abc import Callable, Collection, Mapping

from lxml import etree

def configure(
    *,
    no_text: Collection[str],
    breaks: Mapping[str, int],
    bold: Collection[str],
    italic: Collection[str],
    br: int,
    font_bold: re.Pattern[str],
    text_of: Callable[..., str],
) -> None: ...
def configured() -> bool: ...
def text_of(el: etree._Element, *, shape: int | None = None) -> str: ...
def facts(el: etree._Element) -> int: ...
