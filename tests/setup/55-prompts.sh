# Prompts: sox's mp3 reader, so 'prompts check --convert' is tested on mp3 recordings as users have them
# (espeak-ng and sox themselves come from 50-media.sh).
need_apt libsox-fmt-mp3
