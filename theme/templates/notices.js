{# The language notice's words in every published language, for theme/js/notice.js: one file all
   pages share (written by the TEMPLATE_PAGES setting), instead of attributes on every menu item. #}
window.openletterNotices = {
{% for link in letter_index.links %}
{{ link.language.tag|tojson }}: {
{#- TRANSLATORS: shown to readers whose browser prefers YOUR language while they read another one: say it naming your own language, e.g. "Dieser Brief ist auch auf Deutsch verfügbar." #}
"notice": {{ text_in(link.language, N_("This letter is also available in English."))|tojson }},
{#- TRANSLATORS: link under that notice, naming your own language, e.g. "Auf Deutsch lesen" #}
"read": {{ text_in(link.language, N_("Read it in English"))|tojson }},
{#- TRANSLATORS: button that closes that notice #}
"dismiss": {{ text_in(link.language, N_("Dismiss"))|tojson }}}{{ "," if not loop.last }}
{% endfor %}
};
