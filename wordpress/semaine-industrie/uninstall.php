<?php
/**
 * Removes the plugin's option when it is deleted from Plugins (not when it is deactivated).
 *
 * @package SemaineIndustrie
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'sdi_settings' );
delete_site_option( 'sdi_settings' );
