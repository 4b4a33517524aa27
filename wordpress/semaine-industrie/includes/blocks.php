<?php
/**
 * One dynamic block per widget: the block stores only its attributes in the post, and PHP
 * renders the element on every view, so kses never sees markup an Author could not save.
 *
 * @package SemaineIndustrie
 */

defined( 'ABSPATH' ) || exit;

add_action( 'init', 'sdi_register_blocks' );

/** Registers the editor script and the four blocks from their block.json. */
function sdi_register_blocks() {
	wp_register_script(
		'sdi-blocks-editor',
		SDI_PLUGIN_URL . 'blocks/editor.js',
		// Without the bundle (a repository checkout), the blocks still edit; the preview stays a link.
		array_merge( array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render' ), sdi_bundle_present() ? array( 'sdi-widgets' ) : array() ),
		SDI_PLUGIN_VERSION,
		true
	);
	wp_localize_script( 'sdi-blocks-editor', 'sdiBlocksL10n', sdi_editor_strings() );
	foreach ( array_keys( sdi_widgets() ) as $widget ) {
		register_block_type(
			SDI_PLUGIN_DIR . 'blocks/' . $widget,
			array(
				'render_callback' => static function ( $attributes ) use ( $widget ) {
					// Attributes WordPress itself may add to any block are not the element's.
					$own = array_diff_key( (array) $attributes, array_flip( array( 'lock', 'className', 'align', 'style', 'metadata' ) ) );
					return sdi_render_widget( $widget, $own );
				},
			)
		);
	}
}

/**
 * The editor's labels, translated by PHP so the script needs no JSON catalogue.
 *
 * @return array<string, mixed>
 */
function sdi_editor_strings() {
	$regions = array( array( 'value' => '', 'label' => __( '(réglage du site)', 'semaine-industrie' ) ) );
	foreach ( SDI_REGIONS as $code => $name ) {
		$regions[] = array( 'value' => (string) $code, 'label' => $code . ' – ' . $name );
	}
	$departments = array( array( 'value' => '', 'label' => __( '(tous)', 'semaine-industrie' ) ) );
	foreach ( SDI_DEPARTMENTS as $code => $row ) {
		$departments[] = array( 'value' => (string) $code, 'label' => $code . ' – ' . $row[0] );
	}
	return array(
		'regions'     => $regions,
		'departments' => $departments,
		'panel'       => __( 'Réglages du widget', 'semaine-industrie' ),
		'region'      => __( 'Région', 'semaine-industrie' ),
		'department'  => __( 'Département', 'semaine-industrie' ),
		'type'        => __( "Type d'événement (identifiants ou libellés, séparés par des virgules)", 'semaine-industrie' ),
		'audience'    => __( 'Public (identifiants ou libellés, séparés par des virgules)', 'semaine-industrie' ),
		'layout'      => __( 'Présentation', 'semaine-industrie' ),
		'layouts'     => array(
			array( 'value' => '', 'label' => __( 'Liste (par défaut)', 'semaine-industrie' ) ),
			array( 'value' => 'compact', 'label' => __( 'Compacte', 'semaine-industrie' ) ),
			array( 'value' => 'grid', 'label' => __( 'Grille', 'semaine-industrie' ) ),
		),
		'pageSize'    => __( 'Événements par page', 'semaine-industrie' ),
		'limit'       => __( "Nombre maximal d'événements (aperçu sans filtres)", 'semaine-industrie' ),
		'group'       => __( 'Groupe (widgets liés)', 'semaine-industrie' ),
		'height'      => __( 'Hauteur de la carte (ex. 480 ou 30rem)', 'semaine-industrie' ),
		'href'        => __( 'Lien (adresse https)', 'semaine-industrie' ),
		'heading'     => __( 'Titre', 'semaine-industrie' ),
		'lang'        => __( 'Langue', 'semaine-industrie' ),
		'langs'       => array(
			array( 'value' => '', 'label' => __( '(réglage du site)', 'semaine-industrie' ) ),
			array( 'value' => 'fr', 'label' => 'Français' ),
			array( 'value' => 'en', 'label' => 'English' ),
		),
	);
}
