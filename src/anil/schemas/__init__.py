"""Wire models shared by the server and the SDK: field names exactly as Conta Azul spells them."""
