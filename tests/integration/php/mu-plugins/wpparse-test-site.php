<?php
/**
 * Plugin Name: wpparse test site
 * Description: What the integration tests need from the throwaway site: a
 * custom post type with a custom taxonomy, and no mail.
 */

add_action(
	'init',
	function () {
		register_post_type(
			'book',
			array(
				'label'        => 'Books',
				'public'       => true,
				'show_in_rest' => true,
				'rest_base'    => 'books',
				'has_archive'  => true,
				'supports'     => array( 'title', 'editor', 'author', 'excerpt', 'thumbnail', 'custom-fields' ),
				'taxonomies'   => array( 'genre' ),
			)
		);
		register_taxonomy(
			'genre',
			array( 'book' ),
			array(
				'label'        => 'Genres',
				'public'       => true,
				'hierarchical' => true,
				'show_in_rest' => true,
				'rest_base'    => 'genres',
			)
		);
		register_post_meta(
			'book',
			'isbn',
			array(
				'type'         => 'string',
				'single'       => true,
				'show_in_rest' => true,
			)
		);
	}
);

// The site sends no mail: the installer's notice would otherwise try sendmail.
add_filter( 'pre_wp_mail', '__return_false' );
