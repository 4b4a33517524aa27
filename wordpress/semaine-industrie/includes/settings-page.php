<?php
/**
 * Settings → Semaine de l'industrie, for administrators (manage_options). The Settings API
 * brings the nonce (settings_fields) and the capability check of options.php.
 *
 * @package SemaineIndustrie
 */

defined( 'ABSPATH' ) || exit;

add_action( 'admin_init', 'sdi_register_settings' );
add_action( 'admin_menu', 'sdi_add_settings_page' );

/** The option, its sanitiser and its fields. */
function sdi_register_settings() {
	register_setting(
		'sdi_settings_group',
		SDI_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'sdi_sanitize_settings',
			'default'           => sdi_default_settings(),
			'show_in_rest'      => false,
		)
	);
}

/** Adds the page under Settings. */
function sdi_add_settings_page() {
	add_options_page(
		__( "Semaine de l'industrie", 'semaine-industrie' ),
		__( "Semaine de l'industrie", 'semaine-industrie' ),
		'manage_options',
		'semaine-industrie',
		'sdi_render_settings_page'
	);
}

/**
 * A text field of the form.
 *
 * @param string $key   Setting key.
 * @param string $label Label.
 * @param string $help  Help text.
 * @param string $type  Input type.
 */
function sdi_settings_text_row( $key, $label, $help, $type = 'text' ) {
	$settings = sdi_settings();
	$id       = 'sdi-' . $key;
	printf(
		'<tr><th scope="row"><label for="%1$s">%2$s</label></th><td><input type="%3$s" class="regular-text" id="%1$s" name="%4$s[%5$s]" value="%6$s" /><p class="description">%7$s</p></td></tr>',
		esc_attr( $id ),
		esc_html( $label ),
		esc_attr( $type ),
		esc_attr( SDI_OPTION ),
		esc_attr( $key ),
		esc_attr( $settings[ $key ] ),
		esc_html( $help )
	);
}

/**
 * A select of the form.
 *
 * @param string                $key     Setting key.
 * @param string                $label   Label.
 * @param array<string, string> $options Value → label.
 */
function sdi_settings_select_row( $key, $label, $options ) {
	$settings = sdi_settings();
	printf( '<tr><th scope="row"><label for="sdi-%1$s">%2$s</label></th><td><select id="sdi-%1$s" name="%3$s[%1$s]">', esc_attr( $key ), esc_html( $label ), esc_attr( SDI_OPTION ) );
	foreach ( $options as $value => $text ) {
		printf( '<option value="%s"%s>%s</option>', esc_attr( (string) $value ), selected( $settings[ $key ], (string) $value, false ), esc_html( $text ) );
	}
	echo '</select></td></tr>';
}

/** The page. */
function sdi_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( "Vous n'avez pas les droits suffisants pour accéder à cette page.", 'semaine-industrie' ), 403 );
	}
	$settings    = sdi_settings();
	$regions     = array( '' => __( '(aucune : toute la France)', 'semaine-industrie' ) );
	$departments = array( '' => __( '(aucun)', 'semaine-industrie' ) );
	foreach ( SDI_REGIONS as $code => $name ) {
		$regions[ (string) $code ] = $code . ' – ' . $name;
	}
	foreach ( SDI_DEPARTMENTS as $code => $row ) {
		$departments[ (string) $code ] = $code . ' – ' . $row[0];
	}
	echo '<div class="wrap"><h1>' . esc_html__( "Semaine de l'industrie", 'semaine-industrie' ) . '</h1>';
	settings_errors( SDI_OPTION );
	echo '<form method="post" action="options.php" id="sdi-settings-form">';
	settings_fields( 'sdi_settings_group' );
	echo '<h2>' . esc_html__( 'Source des données', 'semaine-industrie' ) . '</h2><table class="form-table" role="presentation">';
	sdi_settings_select_row(
		'mode',
		__( 'Mode', 'semaine-industrie' ),
		array(
			'snapshot' => __( 'Instantané publié (recommandé)', 'semaine-industrie' ),
			'live'     => __( 'Agenda OpenAgenda en direct, par un relais', 'semaine-industrie' ),
		)
	);
	sdi_settings_text_row( 'src', __( "Adresse de l'instantané", 'semaine-industrie' ), __( 'Dossier qui contient index.json, par exemple https://static.example.org/sdi-snapshot/', 'semaine-industrie' ), 'url' );
	sdi_settings_text_row( 'agenda', __( 'Agenda OpenAgenda (mode direct)', 'semaine-industrie' ), __( "Identifiant numérique de l'agenda.", 'semaine-industrie' ) );
	sdi_settings_text_row( 'api_key', __( 'Clé publique (mode direct)', 'semaine-industrie' ), __( 'Clé de lecture seule : elle est visible dans les pages.', 'semaine-industrie' ) );
	sdi_settings_text_row( 'api', __( 'Adresse du relais (mode direct)', 'semaine-industrie' ), __( "Relais de l'API OpenAgenda v2, par exemple https://www.example.org/openagenda-proxy/v2", 'semaine-industrie' ), 'url' );
	echo '</table><h2>' . esc_html__( 'Réglages par défaut des widgets', 'semaine-industrie' ) . '</h2><table class="form-table" role="presentation">';
	sdi_settings_select_row( 'region', __( 'Région par défaut', 'semaine-industrie' ), $regions );
	sdi_settings_select_row( 'department', __( 'Département par défaut', 'semaine-industrie' ), $departments );
	sdi_settings_select_row(
		'lang',
		__( 'Langue des widgets', 'semaine-industrie' ),
		array(
			'auto' => __( 'Celle de la page', 'semaine-industrie' ),
			'fr'   => 'Français',
			'en'   => 'English',
		)
	);
	sdi_settings_text_row( 'fallback', __( 'Lien sans JavaScript', 'semaine-industrie' ), __( 'Adresse du lien affiché dans chaque widget quand le script ne s’exécute pas.', 'semaine-industrie' ), 'url' );
	sdi_settings_select_row(
		'loader',
		__( 'Chargement du script', 'semaine-industrie' ),
		array(
			'module'  => __( 'Module (recommandé)', 'semaine-industrie' ),
			'classic' => __( 'Chargeur classique (si un optimiseur comme Rocket Loader ou le thème modifie les scripts)', 'semaine-industrie' ),
		)
	);
	printf(
		'<tr><th scope="row">%1$s</th><td><label><input type="checkbox" name="%2$s[stylesheet]" value="1"%3$s /> %4$s</label></td></tr>',
		esc_html__( 'Feuille de style', 'semaine-industrie' ),
		esc_attr( SDI_OPTION ),
		checked( $settings['stylesheet'], '1', false ),
		esc_html__( 'Réserver la place des widgets dès le premier affichage (0,35 Ko)', 'semaine-industrie' )
	);
	echo '</table>';
	submit_button( __( 'Enregistrer les réglages', 'semaine-industrie' ) );
	echo '</form>';
	echo '<h2>' . esc_html__( 'Tester la connexion', 'semaine-industrie' ) . '</h2>';
	echo '<p>' . esc_html__( 'Lit index.json à l’adresse enregistrée, depuis le serveur du site.', 'semaine-industrie' ) . '</p>';
	printf(
		'<p><button type="button" class="button" id="sdi-test-connection" data-nonce="%1$s" data-ajax="%2$s">%3$s</button></p><div id="sdi-test-result" role="status" aria-live="polite"></div>',
		esc_attr( wp_create_nonce( 'sdi_test_connection' ) ),
		esc_url( admin_url( 'admin-ajax.php' ) ),
		esc_html__( 'Tester la connexion', 'semaine-industrie' )
	);
	?>
	<script>
	( function () {
		var button = document.getElementById( 'sdi-test-connection' );
		var out = document.getElementById( 'sdi-test-result' );
		button.addEventListener( 'click', function () {
			var body = new FormData();
			body.append( 'action', 'sdi_test_connection' );
			body.append( '_ajax_nonce', button.dataset.nonce );
			out.textContent = <?php echo wp_json_encode( __( 'Test en cours…', 'semaine-industrie' ) ); ?>;
			fetch( button.dataset.ajax, { method: 'POST', body: body, credentials: 'same-origin' } )
				.then( function ( r ) { return r.json(); } )
				.then( function ( r ) {
					out.className = r.success ? 'notice notice-success inline' : 'notice notice-error inline';
					var p = document.createElement( 'p' );
					p.textContent = r.data && r.data.message ? r.data.message : String( r.data );
					out.replaceChildren( p );
				} )
				.catch( function ( e ) { out.textContent = String( e ); } );
		} );
	} )();
	</script>
	<?php
	echo '</div>';
}
