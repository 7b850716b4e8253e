/** What Docker Hub's pages document about some official images, which the explainer's warnings rely on. */

/** Official images whose default command is a shell (bash or sh), which ends at once without a terminal or input. */
export const SHELL_IMAGES = new Set(['ubuntu', 'debian', 'alpine', 'busybox', 'centos', 'fedora', 'archlinux', 'amazonlinux', 'rockylinux', 'almalinux', 'oraclelinux'].map((name) => `library/${name}`));

/**
 * The ports official images listen on inside the container, as their Docker Hub pages document them
 * (nginx's `EXPOSE 80`, postgres's 5432): `-p 8080:8080 nginx` forwards to a port where nothing listens.
 */
export const IMAGE_PORTS: Readonly<Record<string, readonly string[]>> = {
  nginx: ['80'],
  httpd: ['80'],
  caddy: ['80', '443'],
  // Their -fpm variants serve FastCGI on 9000 instead.
  wordpress: ['80', '9000'],
  phpmyadmin: ['80', '9000'],
  nextcloud: ['80', '9000'],
  drupal: ['80', '9000'],
  ghost: ['2368'],
  tomcat: ['8080'],
  // Its fastcgi variant serves FastCGI on 9000.
  adminer: ['8080', '9000'],
  postgres: ['5432'],
  mysql: ['3306', '33060'],
  mariadb: ['3306'],
  mongo: ['27017'],
  redis: ['6379'],
  memcached: ['11211'],
  registry: ['5000'],
  couchdb: ['5984', '4369', '9100'],
  influxdb: ['8086'],
  sonarqube: ['9000'],
};
