"""Editor data from a real WordPress: its parse_blocks() on the posts it saved, shortcodes, SEO."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable, Iterator

import pytest

import wpparse
from tests.integration.stack import Stack, _tool
from tests.test_editor_reference import _normal

pytestmark = pytest.mark.integration

DOCUMENTS = [
    # The block editor's own output.
    (
        '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Tea</h3>\n<!-- /wp:heading -->\n\n'
        '<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column">'
        "<!-- wp:paragraph --><p>One</p><!-- /wp:paragraph --></div><!-- /wp:column --></div>"
        "<!-- /wp:columns -->"
    ),
    # Void blocks, a namespaced one, escaped attributes, freeform HTML between them.
    (
        '<p>Classic</p><!-- wp:spacer {"height":"2em"} /-->'
        '<!-- wp:my-plugin/card {"html":"\\u003cb\\u003e\\u002d\\u002d\\u003e","n":[1,2.5,{"x":null}]} /-->'
        "\n<p>After</p>"
    ),
    # Broken: unclosed, mismatched, a stray closer, a delimiter that is not one.
    "<!-- wp:group --><div>x<!-- wp:paragraph --><p>y</p><!-- /wp:quote -->z",
    "<!-- wp:a -->a<!-- /wp:a -->b<!-- /wp:b -->c<!-- wp:c /-->",
    "<!-- wp:Heading --><h2>Not a block</h2><!-- /wp:Heading --><!-- wp:x {broken} /-->",
]

PARSE_BLOCKS = """
require $argv[1] . '/wp-load.php';
$out = array();
foreach ( array_slice( $argv, 2 ) as $id ) {
    $out[] = parse_blocks( get_post( (int) $id )->post_content );
}
echo json_encode( $out );
"""


@pytest.fixture
def create(wp: Stack) -> Iterator[Callable[[str], int]]:
    """Publish posts for one test, and delete them after it.

    The site is shared by every integration test: posts left behind would
    change what the paging, term-count and mirror tests count.
    """
    made: list[int] = []

    def _create(content: str) -> int:
        data = urllib.parse.urlencode(
            {"title": "Editor data", "content": content, "status": "publish"}
        ).encode()
        response = wp.request(
            "/wp-json/wp/v2/posts", auth=True, data=data, method="POST"
        )
        assert response.status == 201, response.body[:500]
        created: int = response.json()["id"]
        made.append(created)
        return created

    yield _create
    for post_id in made:
        response = wp.request(
            f"/wp-json/wp/v2/posts/{post_id}",
            {"force": "true"},
            auth=True,
            method="DELETE",
        )
        assert response.status == 200, response.body[:500]


def test_parse_blocks_equals_wordpress_on_the_posts_it_saved(
    wp: Stack, create: Callable[[str], int]
) -> None:
    ids = [create(document) for document in DOCUMENTS]
    theirs = json.loads(
        wp._run(
            [_tool("php"), "-r", PARSE_BLOCKS, str(wp.docroot), *map(str, ids)],
            "parse_blocks()",
        )
    )

    for post_id, document, expected in zip(ids, DOCUMENTS, theirs, strict=True):
        response = wp.request(
            f"/wp-json/wp/v2/posts/{post_id}", {"context": "edit"}, auth=True
        )
        post = wpparse.parse_post(response.body)

        assert response.json()["content"]["raw"] == document  # saved as sent
        assert post.parsed_blocks is not None
        ours = [block.to_dict() for block in post.parsed_blocks]
        assert _normal(ours) == _normal(expected), post_id


def test_without_context_edit_there_is_no_block_tree(
    wp: Stack, create: Callable[[str], int]
) -> None:
    post_id = create(DOCUMENTS[0])

    post = wpparse.parse_post(wp.request(f"/wp-json/wp/v2/posts/{post_id}").body)

    assert post.parsed_blocks is None
    assert post.title == "Editor data"


def test_unregistered_shortcodes_are_left_in_the_html_and_stripped(
    wp: Stack, create: Callable[[str], int]
) -> None:
    content = '[vc_row full_width="stretch"][vc_column_text]Text [1] stays.[/vc_column_text][/vc_row]'
    post_id = create(content)

    post = wpparse.parse_post(wp.request(f"/wp-json/wp/v2/posts/{post_id}").body)

    # WordPress texturizes an unregistered shortcode's quotes: the attribute is still read.
    assert "vc_row" in post.content_html
    assert [code.name for code in post.shortcodes] == ["vc_row", "vc_column_text"]
    assert post.shortcodes[0].attrs == {"full_width": "stretch"}
    assert post.text == "Text [1] stays."
