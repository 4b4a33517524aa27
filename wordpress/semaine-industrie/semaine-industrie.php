<?php
/**
 * Plugin Name:       Semaine de l'industrie
 * Plugin URI:        https://github.com/semaine-industrie/semaine-industrie-widgets
 * Description:       Blocs et codes courts des widgets de la Semaine de l'industrie : liste des événements, carte des régions, compte à rebours et bandeau de l'édition.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.0
 * Author:            Semaine de l'industrie
 * License:           MIT
 * Text Domain:       semaine-industrie
 * Domain Path:       /languages
 *
 * @package SemaineIndustrie
 */

defined( 'ABSPATH' ) || exit;

define( 'SDI_PLUGIN_VERSION', '0.1.0' );
define( 'SDI_PLUGIN_FILE', __FILE__ );
define( 'SDI_PLUGIN_DIR', plugin_dir_path( __FILE__ ) );
define( 'SDI_PLUGIN_URL', plugin_dir_url( __FILE__ ) );
define( 'SDI_OPTION', 'sdi_settings' );

require_once SDI_PLUGIN_DIR . 'includes/geo-codes.php';
require_once SDI_PLUGIN_DIR . 'includes/settings-store.php';
require_once SDI_PLUGIN_DIR . 'includes/attributes.php';
require_once SDI_PLUGIN_DIR . 'includes/assets.php';
require_once SDI_PLUGIN_DIR . 'includes/render.php';
require_once SDI_PLUGIN_DIR . 'includes/shortcodes.php';
require_once SDI_PLUGIN_DIR . 'includes/blocks.php';
require_once SDI_PLUGIN_DIR . 'includes/settings-page.php';
require_once SDI_PLUGIN_DIR . 'includes/connection-test.php';

add_action( 'init', 'sdi_load_textdomain', 1 );

/**
 * Strings are written in French; the English catalogue serves every English locale, since one
 * English translation fits en_US, en_GB and the others alike.
 */
function sdi_load_textdomain() {
	add_filter(
		'plugin_locale',
		static function ( $locale, $domain ) {
			return ( 'semaine-industrie' === $domain && str_starts_with( (string) $locale, 'en_' ) ) ? 'en_US' : $locale;
		},
		10,
		2
	);
	load_plugin_textdomain( 'semaine-industrie', false, dirname( plugin_basename( SDI_PLUGIN_FILE ) ) . '/languages' );
}
