<?php
/**
 * Seed the throwaway site through WordPress's own API, then print what was
 * made (ids, URLs, the application password) as one JSON object on stdout.
 *
 * Usage: php seed.php WORDPRESS_DIR IMAGE.png
 *
 * Everything here is deliberate: the integration tests know this content and
 * assert that wpparse gives its structure back.  Dates are site-local wall
 * clocks; the time zone option is switched around to get known offsets.
 */

if ( PHP_SAPI !== 'cli' || $argc !== 3 ) {
	fwrite( STDERR, "usage: php seed.php WORDPRESS_DIR IMAGE.png\n" );
	exit( 2 );
}

require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

/** Stop with a message on stderr when WordPress returns an error. */
function wpparse_check( $value, $what ) {
	if ( is_wp_error( $value ) || ! $value ) {
		$message = is_wp_error( $value ) ? $value->get_error_message() : 'failed';
		fwrite( STDERR, "seed: $what: $message\n" );
		exit( 1 );
	}
	return $value;
}

/** Insert a post (wp_insert_post wants slashed data). */
function wpparse_post( array $fields, $what ) {
	return wpparse_check( wp_insert_post( wp_slash( $fields ), true ), $what );
}

/** Insert a term and return its id. */
function wpparse_term( $name, $taxonomy, array $args = array() ) {
	$term = wpparse_check( wp_insert_term( wp_slash( $name ), $taxonomy, $args ), "term $name" );
	return $term['term_id'];
}

$admin = get_user_by( 'login', 'admin' );
wpparse_check( $admin, 'the admin user' );
$admin_id = $admin->ID;
// As the administrator: unfiltered_html keeps javascript: links as written
// (kses would strip them for anyone else).
wp_set_current_user( $admin_id );
wpparse_check(
	wp_update_user(
		array(
			'ID'           => $admin_id,
			'display_name' => 'Ada Admin',
			'first_name'   => 'Ada',
			'last_name'    => 'Admin',
			'description'  => 'Runs the site.',
		)
	),
	'admin name'
);
$zoe_id = wpparse_check(
	wp_insert_user(
		array(
			'user_login'   => 'zoe',
			'user_pass'    => wp_generate_password( 24 ),
			'user_email'   => 'zoe@example.org',
			'display_name' => "Zoë O'Brien",
			'user_url'     => 'https://zoe.example.org/',
			'description'  => 'Writes about summer & rivers.',
			'role'         => 'author',
		)
	),
	'second author'
);

// The installer's sample content would only blur the collection counts.
foreach ( get_posts( array( 'post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1 ) ) as $old ) {
	wp_delete_post( $old->ID, true );
}

update_option( 'blogname', 'Rust & Rain' );
update_option( 'blogdescription', "A site about rivers, rust 'n' rain" );
update_option( 'posts_per_page', 10 );
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%year%/%monthnum%/%postname%/' );
flush_rewrite_rules( false );

// A time zone with daylight saving time.
update_option( 'timezone_string', 'Europe/Paris' );
update_option( 'gmt_offset', '' );

$rock   = wpparse_term( 'Rock & Roll', 'category', array( 'slug' => 'rock-roll', 'description' => 'Loud & proud.' ) );
$news   = wpparse_term( 'News', 'category' );
$local  = wpparse_term( 'Local "news"', 'category', array( 'parent' => $news, 'slug' => 'local-news' ) );
$panic  = wpparse_term( "Don't Panic", 'post_tag', array( 'slug' => 'dont-panic' ) );
$rivers = wpparse_term( 'Rivers', 'post_tag' );

// An image, uploaded the way the media library does it.
$image_tmp = wp_tempnam( 'rust-rain.png' );
copy( $argv[2], $image_tmp );
$image_id = wpparse_check(
	media_handle_sideload(
		array(
			'name'     => 'rust-rain.png',
			'tmp_name' => $image_tmp,
		),
		0,
		'Rust & Rain "photo"',
		array(
			'post_date'    => '2024-01-14 09:00:00',
			'post_excerpt' => 'Rust & rain, photographed',
			'post_content' => 'A river that has seen better days.',
		)
	),
	'image upload'
);
update_post_meta( $image_id, '_wp_attachment_image_alt', 'A rusty river' );
$image_url = wp_get_attachment_url( $image_id );

// Classic editor (no block markup): wpautop makes the paragraphs.
$classic_id = wpparse_post(
	array(
		'post_title'    => 'Summer in the city',
		'post_name'     => 'summer-in-the-city',
		'post_author'   => $zoe_id,
		'post_status'   => 'publish',
		'post_date'     => '2024-07-15 10:30:00',
		'post_category' => array( $news, $local ),
		'post_content'  => "This is the classic editor. It's \"texturized\" -- and auto-paragraphed.\n\nSecond paragraph with <a href=\"https://wordpress.org/\">a link</a>.\n<h2>A classic heading</h2>\nText under the classic heading.\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n\n[caption id=\"attachment_{$image_id}\" align=\"alignnone\" width=\"400\"]<img class=\"size-full wp-image-{$image_id}\" src=\"{$image_url}\" alt=\"A rusty river\" width=\"400\" height=\"300\" /> Rust in summer[/caption]",
		'post_excerpt'  => '',
	),
	'classic post'
);
$classic_link = get_permalink( $classic_id );

$structure_content = <<<HTML
<!-- wp:paragraph -->
<p>Rivers rust slowly. Read the <a href="{$classic_link}">classic post</a>, the <a href="/2024/07/summer-in-the-city/">relative one</a> or <a href="https://example.org/river?a=1&amp;b=2" rel="nofollow noopener" target="_blank" title="An external site">the river site</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:heading {"anchor":"why-rust"} -->
<h2 id="why-rust">Why rust happens</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Iron meets water and air. Jump to <a href="#the-fix">the fix</a> or to <a href="#nowhere">nowhere</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:heading {"level":3} -->
<h3>Water &amp; "air"</h3>
<!-- /wp:heading -->

<!-- wp:list -->
<ul><li>Oxygen</li><li>Water</li><li>Time</li></ul>
<!-- /wp:list -->

<!-- wp:heading {"level":4} -->
<h4>Deeper still</h4>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>A note at level four.</p>
<!-- /wp:paragraph -->

<!-- wp:heading {"anchor":"the-fix"} -->
<h2 id="the-fix">The fix</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p><strong>In short,</strong> paint it. Write to <a href="mailto:editor@example.org">the editor</a> or call <a href="tel:+15550100">the desk</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>Rust never sleeps.</p><cite>Neil Young</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:paragraph -->
<p><strong>A bold pseudo heading</strong></p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>Under the bold heading: an <a href="ftp://files.example.org/rust.txt">FTP file</a>, a <a href="javascript:alert(1)">script link</a> and a <a href="//cdn.example.net/rust.css">protocol-relative one</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>Metal</th><th>Rusts</th></tr></thead><tbody><tr><td>Iron</td><td>Yes</td></tr><tr><td>Gold</td><td>No</td></tr></tbody></table><figcaption class="wp-element-caption">Which metals rust</figcaption></figure>
<!-- /wp:table -->

<!-- wp:image {"id":{$image_id},"sizeSlug":"full","linkDestination":"none"} -->
<figure class="wp-block-image size-full"><img src="{$image_url}" alt="A rusty river" class="wp-image-{$image_id}"/><figcaption class="wp-element-caption">Rust &amp; rain, photographed</figcaption></figure>
<!-- /wp:image -->
HTML;

// Block editor, in winter (UTC+1 in Paris).
$structure_id = wpparse_post(
	array(
		'post_title'    => 'Rust & Rain: Why the "Iron River" Isn\'t Dangerous',
		'post_name'     => 'rust-and-rain',
		'post_author'   => $admin_id,
		'post_status'   => 'publish',
		'post_date'     => '2024-01-15 10:30:00',
		'post_category' => array( $rock ),
		'tags_input'    => array( $panic, $rivers ),
		'post_excerpt'  => 'Why rust happens & how to fix it.',
		'post_content'  => $structure_content,
	),
	'structure post'
);
set_post_thumbnail( $structure_id, $image_id );
stick_post( $structure_id );
wpparse_check( wp_update_post( array( 'ID' => $image_id, 'post_parent' => $structure_id ) ), 'image parent' );

$protected_id = wpparse_post(
	array(
		'post_title'    => 'Members only',
		'post_author'   => $admin_id,
		'post_status'   => 'publish',
		'post_password' => 'sesame',
		'post_date'     => '2024-02-01 09:00:00',
		'post_category' => array( $news ),
		'post_content'  => "<!-- wp:paragraph -->\n<p>The secret is rust.</p>\n<!-- /wp:paragraph -->",
	),
	'protected post'
);

// A draft: its date floats (no post_date_gmt) until it is published.
$draft_id = wpparse_post(
	array(
		'post_title'    => 'Work in progress',
		'post_author'   => $zoe_id,
		'post_status'   => 'draft',
		'post_date'     => '2024-02-20 12:00:00',
		'post_category' => array( $news ),
		'post_content'  => "<!-- wp:paragraph -->\n<p>Not yet.</p>\n<!-- /wp:paragraph -->",
	),
	'draft'
);

// Scheduled in summer time (UTC+2); no cron runs, so it stays scheduled.
$future_id = wpparse_post(
	array(
		'post_title'    => 'Coming soon',
		'post_author'   => $admin_id,
		'post_status'   => 'future',
		'post_date'     => '2031-06-01 09:00:00',
		'post_category' => array( $news ),
		'post_content'  => "<!-- wp:paragraph -->\n<p>Later.</p>\n<!-- /wp:paragraph -->",
	),
	'scheduled post'
);

// A page hierarchy.
$about_id   = wpparse_post(
	array(
		'post_type'    => 'page',
		'post_title'   => 'About us',
		'post_status'  => 'publish',
		'post_author'  => $admin_id,
		'post_date'    => '2024-01-05 08:00:00',
		'menu_order'   => 1,
		'post_content' => "<!-- wp:paragraph -->\n<p>Who we are.</p>\n<!-- /wp:paragraph -->",
	),
	'page about'
);
$team_id    = wpparse_post(
	array(
		'post_type'    => 'page',
		'post_title'   => 'Team & culture',
		'post_status'  => 'publish',
		'post_author'  => $admin_id,
		'post_parent'  => $about_id,
		'post_date'    => '2024-01-06 08:00:00',
		'menu_order'   => 1,
		'post_content' => "<!-- wp:heading -->\n<h2>Our team</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Two people.</p>\n<!-- /wp:paragraph -->",
	),
	'page team'
);
$alumni_id  = wpparse_post(
	array(
		'post_type'    => 'page',
		'post_title'   => 'Alumni',
		'post_status'  => 'publish',
		'post_author'  => $admin_id,
		'post_parent'  => $team_id,
		'post_date'    => '2024-01-07 08:00:00',
		'post_content' => "<!-- wp:paragraph -->\n<p>Where they went.</p>\n<!-- /wp:paragraph -->",
	),
	'page alumni'
);
$contact_id = wpparse_post(
	array(
		'post_type'    => 'page',
		'post_title'   => 'Contact',
		'post_status'  => 'publish',
		'post_author'  => $admin_id,
		'post_parent'  => $about_id,
		'post_date'    => '2024-01-08 08:00:00',
		'menu_order'   => 2,
		'post_content' => "<!-- wp:paragraph -->\n<p>Write to <a href=\"mailto:hello@example.org\">hello@example.org</a>.</p>\n<!-- /wp:paragraph -->",
	),
	'page contact'
);

// A published page under a draft: ?_embed cannot show the parent.
$archive_id  = wpparse_post(
	array(
		'post_type'    => 'page',
		'post_title'   => 'Archive',
		'post_status'  => 'draft',
		'post_author'  => $admin_id,
		'post_date'    => '2024-01-09 08:00:00',
		'post_content' => "<!-- wp:paragraph -->\n<p>Not ready.</p>\n<!-- /wp:paragraph -->",
	),
	'page archive'
);
$old_news_id = wpparse_post(
	array(
		'post_type'    => 'page',
		'post_title'   => 'Old news',
		'post_status'  => 'publish',
		'post_author'  => $admin_id,
		'post_parent'  => $archive_id,
		'post_date'    => '2024-01-10 08:00:00',
		'post_content' => "<!-- wp:paragraph -->\n<p>Yesterday's rust.</p>\n<!-- /wp:paragraph -->",
	),
	'page old news'
);

// The custom post type and taxonomy from the must-use plugin.
$fiction = wpparse_term( 'Fiction', 'genre' );
$scifi   = wpparse_term( 'Sci-Fi & Fantasy', 'genre', array( 'parent' => $fiction, 'slug' => 'sci-fi-fantasy' ) );
$book_id = wpparse_post(
	array(
		'post_type'    => 'book',
		'post_title'   => "The Hitchhiker's Guide",
		'post_status'  => 'publish',
		'post_author'  => $zoe_id,
		'post_date'    => '2024-03-01 18:00:00',
		'post_content' => "<!-- wp:paragraph -->\n<p>Don't panic.</p>\n<!-- /wp:paragraph -->",
		'meta_input'   => array( 'isbn' => '0-330-25864-8' ),
	),
	'book'
);
wpparse_check( wp_set_object_terms( $book_id, array( $scifi ), 'genre' ), 'book genre' );

// A non-Latin title (its slug is percent-encoded), with markup in the title.
$cyrillic_id = wpparse_post(
	array(
		'post_type'    => 'book',
		'post_title'   => 'Ржавчина <em>и</em> дождь',
		'post_status'  => 'publish',
		'post_author'  => $admin_id,
		'post_date'    => '2024-03-02 18:00:00',
		'post_content' => "<!-- wp:paragraph -->\n<p>Вступление. <a href=\"#глава\">К главе</a>, <a href=\"/book/ржавчина-и-дождь/\">сюда</a>.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading {\"anchor\":\"глава\"} -->\n<h2 id=\"глава\">Глава первая</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Железо ржавеет.</p>\n<!-- /wp:paragraph -->",
	),
	'cyrillic book'
);

// Comments: one by a registered author, an anonymous reply, one held back.
function wpparse_comment( array $fields, $what ) {
	$fields = wp_filter_comment( wp_slash( $fields ) );
	return wpparse_check( wp_insert_comment( $fields ), $what );
}
$comment_zoe   = wpparse_comment(
	array(
		'comment_post_ID'      => $structure_id,
		'user_id'              => $zoe_id,
		'comment_author'       => "Zoë O'Brien",
		'comment_author_email' => 'zoe@example.org',
		'comment_author_url'   => 'https://zoe.example.org/',
		'comment_content'      => 'I\'d paint it "red".',
		'comment_date'         => '2024-01-16 08:00:00',
		'comment_date_gmt'     => '2024-01-16 07:00:00',
		'comment_approved'     => 1,
		'comment_type'         => 'comment',
		'comment_author_IP'    => '127.0.0.1',
	),
	'comment by zoe'
);
$comment_guest = wpparse_comment(
	array(
		'comment_post_ID'      => $structure_id,
		'comment_parent'       => $comment_zoe,
		'comment_author'       => 'Guest & "Reader"',
		'comment_author_email' => 'guest@example.org',
		'comment_author_url'   => 'https://guest.example.org/',
		'comment_content'      => "Agreed -- red it is.\n\nSee <a href=\"https://example.org/red\">red</a>.",
		'comment_date'         => '2024-01-17 21:15:00',
		'comment_date_gmt'     => '2024-01-17 20:15:00',
		'comment_approved'     => 1,
		'comment_type'         => 'comment',
		'comment_author_IP'    => '127.0.0.1',
	),
	'guest reply'
);
$comment_held  = wpparse_comment(
	array(
		'comment_post_ID'      => $structure_id,
		'comment_author'       => 'Spammy',
		'comment_author_email' => 'spam@example.org',
		'comment_author_url'   => '',
		'comment_content'      => 'Buy rust remover.',
		'comment_date'         => '2024-01-18 08:00:00',
		'comment_date_gmt'     => '2024-01-18 07:00:00',
		'comment_approved'     => 0,
		'comment_type'         => 'comment',
		'comment_author_IP'    => '127.0.0.1',
	),
	'held comment'
);

// A half-hour zone (no daylight saving time): India.
update_option( 'timezone_string', 'Asia/Kolkata' );
$kolkata_id = wpparse_post(
	array(
		'post_title'    => 'Monsoon notes',
		'post_author'   => $zoe_id,
		'post_status'   => 'publish',
		'post_date'     => '2024-03-10 08:00:00',
		'post_category' => array( $news ),
		'post_content'  => "<!-- wp:paragraph -->\n<p>Rain, then rust.</p>\n<!-- /wp:paragraph -->",
	),
	'kolkata post'
);

// A featured image that no longer exists: ?_embed answers with an error there.
update_post_meta( $kolkata_id, '_thumbnail_id', 999999 );

// A manual offset with a half hour, as the General Settings allow (UTC-3:30).
update_option( 'timezone_string', '' );
update_option( 'gmt_offset', '-3.5' );
$offset_id = wpparse_post(
	array(
		'post_title'    => 'Offshore notes',
		'post_author'   => $admin_id,
		'post_status'   => 'publish',
		'post_date'     => '2024-05-01 12:00:00',
		'post_category' => array( $news ),
		'post_content'  => "<!-- wp:paragraph -->\n<p>Fog.</p>\n<!-- /wp:paragraph -->",
	),
	'offset post'
);

// Back to the zone with daylight saving time for the fetches.
update_option( 'timezone_string', 'Europe/Paris' );
update_option( 'gmt_offset', '' );

// Blocks inside blocks: groups, columns, code, embeds, a heading in a quote,
// and a short line standing alone after a colon (a pseudo heading).
$layout_content = <<<'HTML'
<!-- wp:paragraph -->
<p>Blocks inside blocks.</p>
<!-- /wp:paragraph -->

<!-- wp:group -->
<div class="wp-block-group"><!-- wp:heading -->
<h2>Grouped heading</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Inside a group.</p>
<!-- /wp:paragraph --></div>
<!-- /wp:group -->

<!-- wp:columns -->
<div class="wp-block-columns"><!-- wp:column -->
<div class="wp-block-column"><!-- wp:heading {"level":3} -->
<h3>Left column</h3>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Left text.</p>
<!-- /wp:paragraph --></div>
<!-- /wp:column -->

<!-- wp:column -->
<div class="wp-block-column"><!-- wp:heading {"level":3} -->
<h3>Right column</h3>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Right text.</p>
<!-- /wp:paragraph --></div>
<!-- /wp:column --></div>
<!-- /wp:columns -->

<!-- wp:heading -->
<h2>Code &amp; friends</h2>
<!-- /wp:heading -->

<!-- wp:code -->
<pre class="wp-block-code"><code class="language-python">def rust(metal):
    return metal != "gold"</code></pre>
<!-- /wp:code -->

<!-- wp:preformatted -->
<pre class="wp-block-preformatted">  two spaces
kept</pre>
<!-- /wp:preformatted -->

<!-- wp:separator -->
<hr class="wp-block-separator has-alpha-channel-opacity"/>
<!-- /wp:separator -->

<!-- wp:list {"ordered":true,"start":3} -->
<ol start="3"><li>Third<ul><li>Nested</li></ul></li><li>Fourth</li></ol>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:heading {"level":3} -->
<h3>Quoted heading</h3>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Quoted text.</p>
<!-- /wp:paragraph --></blockquote>
<!-- /wp:quote -->

<!-- wp:html -->
<iframe src="https://www.youtube.com/embed/abc123" width="560" height="315" title="A video"></iframe>
<!-- /wp:html -->

<!-- wp:video -->
<figure class="wp-block-video"><video controls src="/wp-content/uploads/2024/06/rain.mp4"></video></figure>
<!-- /wp:video -->

<!-- wp:heading -->
<h2>Repainting</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Before you paint, the surface needs care, and two steps matter more than any brand of paint:</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>Sand the surface</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>Sanding takes off the loose rust and leaves a clean, rough face that paint can grip; do it outdoors and wear a mask.</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>Prime it</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>A primer seals the bare metal against water and air, and gives the top coat something to hold on to for years.</p>
<!-- /wp:paragraph -->
HTML;
$layout_id = wpparse_post(
	array(
		'post_title'    => 'Layouts & blocks',
		'post_name'     => 'layouts-and-blocks',
		'post_author'   => $admin_id,
		'post_status'   => 'publish',
		'post_date'     => '2024-06-01 12:00:00',
		'post_category' => array( $rock ),
		'post_content'  => $layout_content,
	),
	'layout post'
);

list( $app_password ) = wpparse_check(
	WP_Application_Passwords::create_new_application_password( $admin_id, array( 'name' => 'wpparse tests' ) ),
	'application password'
);

echo wp_json_encode(
	array(
		'home'         => home_url( '/' ),
		'app_password' => $app_password,
		'image_url'    => $image_url,
		'ids'          => array(
			'admin'          => $admin_id,
			'zoe'            => $zoe_id,
			'image'          => $image_id,
			'classic'        => $classic_id,
			'structure'      => $structure_id,
			'protected'      => $protected_id,
			'draft'          => $draft_id,
			'future'         => $future_id,
			'kolkata'        => $kolkata_id,
			'offset'         => $offset_id,
			'layout'         => $layout_id,
			'about'          => $about_id,
			'team'           => $team_id,
			'alumni'         => $alumni_id,
			'contact'        => $contact_id,
			'book'           => $book_id,
			'cyrillic'       => $cyrillic_id,
			'archive'        => $archive_id,
			'old_news'       => $old_news_id,
			'rock'           => $rock,
			'news'           => $news,
			'local'          => $local,
			'panic'          => $panic,
			'rivers'         => $rivers,
			'fiction'        => $fiction,
			'scifi'          => $scifi,
			'comment_zoe'    => $comment_zoe,
			'comment_guest'  => $comment_guest,
			'comment_held'   => $comment_held,
		),
	)
) . "\n";
